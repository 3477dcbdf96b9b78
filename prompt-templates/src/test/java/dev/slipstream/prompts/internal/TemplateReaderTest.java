package dev.slipstream.prompts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import dev.slipstream.prompts.VariableType;

class TemplateReaderTest {
    @Test
    void theFileSchemaAllowsExactlyTheVariableTypes() throws Exception {
        final JsonNode schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(TemplateReader.FILE_SCHEMA_RESOURCE)) {
            schema = new ObjectMapper().readTree(in);
        }
        final List<String> allowed = new ArrayList<>();
        schema.at("/$defs/variable/properties/type/enum").forEach(type -> allowed.add(type.asText()));

        assertThat(allowed).isEqualTo(VariableType.FILE_NAMES);
    }
}

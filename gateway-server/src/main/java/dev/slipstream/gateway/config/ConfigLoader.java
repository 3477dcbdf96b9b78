package dev.slipstream.gateway.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads {@code slipstream.yaml} into a validated {@link GatewayConfig}. */
public final class ConfigLoader {
    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(requireNonNull(env, "env"));
    }

    /** Parses and validates {@code file}; throws {@link ConfigException} naming the file and each problem. */
    public GatewayConfig load(Path file) {
        final String source = file.toString();
        final String yaml;
        try {
            yaml = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source, List.of("file not found"));
        } catch (IOException e) {
            throw new ConfigException(source, List.of("cannot read: " + e.getMessage()));
        }
        return parse(source, yaml);
    }

    /** Parses and validates YAML text; {@code source} names it in error messages. */
    public GatewayConfig parse(String source, String yaml) {
        final GatewayConfig config;
        try {
            config = mapper().readValue(yaml, GatewayConfig.class);
        } catch (JsonMappingException e) {
            throw new ConfigException(source, List.of(describe(e)));
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, List.of(location(e.getLocation()) + "not valid YAML: " +
                                                      e.getOriginalMessage()));
        }
        if (config == null) {
            throw new ConfigException(source, List.of("the file is empty (expected: a YAML mapping)"));
        }
        final List<String> problems = ConfigValidator.validate(config);
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return config;
    }

    private ObjectMapper mapper() {
        final ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.registerModule(new SimpleModule().addDeserializer(String.class,
                                                                 new EnvSubstitutingStringDeserializer(env)));
        return mapper;
    }

    private static String describe(JsonMappingException e) {
        final StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        String message = e.getOriginalMessage();
        if (e instanceof UnrecognizedPropertyException unknown) {
            final TreeSet<String> known = new TreeSet<>();
            unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            message = "unknown field '" + unknown.getPropertyName() + "' (expected one of: " +
                      String.join(", ", known) + ')';
        }
        return location(e.getLocation()) + (path.isEmpty() ? "" : path + ": ") + message;
    }

    private static String location(JsonLocation location) {
        return location == null || location.getLineNr() <= 0 ? "" : "line " + location.getLineNr() + ": ";
    }
}

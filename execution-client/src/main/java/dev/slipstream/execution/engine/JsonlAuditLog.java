package dev.slipstream.execution.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writes each decision as one JSON object per line. */
public final class JsonlAuditLog implements AuditLog {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Writer out;

    public JsonlAuditLog(Writer out) {
        this.out = out;
    }

    @Override
    public void record(DecisionRecord decision) {
        try {
            out.write(line(decision));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log", e);
        }
    }

    static String line(DecisionRecord decision) {
        try {
            return MAPPER.writeValueAsString(decision);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision not serialisable: " + decision, e);
        }
    }
}

package dev.slipstream.gateway.grpc;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;

/** Converts between {@code google.protobuf.Struct} and Jackson's JSON tree, through JSON text. */
final class StructJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StructJson() {}

    static JsonNode toJson(Struct struct) {
        try {
            return MAPPER.readTree(JsonFormat.printer().print(struct));
        } catch (InvalidProtocolBufferException | JsonProcessingException e) {
            throw new IllegalStateException("a Struct always prints as a JSON object", e);
        }
    }

    /** {@code json} must be an object, as every validated prompt output is. */
    static Struct toStruct(JsonNode json) {
        final Struct.Builder struct = Struct.newBuilder();
        try {
            JsonFormat.parser().merge(json.toString(), struct);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON object: " + json.getNodeType(), e);
        }
        return struct.build();
    }
}

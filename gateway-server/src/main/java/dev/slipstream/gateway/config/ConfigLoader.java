package dev.slipstream.gateway.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.linecorp.armeria.common.annotation.Nullable;

/** Reads {@code slipstream.yaml} into a validated {@link GatewayConfig}. */
public final class ConfigLoader {
    private static final String EMPTY = "the file is empty (expected: a YAML mapping)";

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
        final ObjectMapper mapper = mapper();
        try (JsonParser parser = mapper.createParser(yaml)) {
            // Jackson would report these as failures to build a GatewayConfig; they are the file's shape.
            final JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ConfigException(source, List.of(EMPTY));
            }
            if (first != JsonToken.START_OBJECT && first != JsonToken.VALUE_NULL) {
                throw new ConfigException(source, List.of(
                        location(parser.currentLocation()) + "the file is " +
                        (first == JsonToken.START_ARRAY ? "a list" : "a single value") +
                        " (expected: a YAML mapping with server, limits, auth, providers, models, routes, cache, " +
                        "default_model, context_store, sessions, prompts, tenants, pricing, policy)"));
            }
            config = mapper.readValue(parser, GatewayConfig.class);
        } catch (JsonMappingException e) {
            throw new ConfigException(source, List.of(describe(e, yaml)));
        } catch (JsonProcessingException e) {
            throw new ConfigException(source, List.of(syntaxError(e)));
        } catch (IOException e) {
            throw new ConfigException(source, List.of("cannot read: " + e.getMessage()));
        }
        if (config == null) {
            throw new ConfigException(source, List.of(EMPTY));
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
        // A typo must not pass silently: "port: 80.80" is not 80, and a repeated key does not override.
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // An empty list entry ("-" alone) is reported where it is, not as a failure to build the config.
        mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        mapper.registerModule(new SimpleModule().addDeserializer(String.class,
                                                                 new EnvSubstitutingStringDeserializer(env)));
        return mapper;
    }

    private String describe(JsonMappingException e, String yaml) {
        final StringBuilder path = new StringBuilder();
        JsonPointer pointer = JsonPointer.empty();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
                pointer = pointer.appendProperty(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
                pointer = pointer.appendIndex(ref.getIndex());
            }
        }
        String message = e.getOriginalMessage();
        JsonLocation location = e.getLocation();
        if (e instanceof UnrecognizedPropertyException unknown) {
            final TreeSet<String> known = new TreeSet<>();
            unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            message = "unknown field '" + unknown.getPropertyName() + "' (expected one of: " +
                      String.join(", ", known) + ')';
            // Jackson reads a record's properties ahead and reports an unknown one at the end of its mapping.
            location = keyLocation(yaml, pointer);
        }
        return location(location) + (path.isEmpty() ? "" : path + ": ") + message;
    }

    /** Where the key at {@code pointer} is in {@code yaml}; null if it is not found. */
    @Nullable
    private JsonLocation keyLocation(String yaml, JsonPointer pointer) {
        try (JsonParser parser = mapper().createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && parser.getParsingContext().pathAsPointer().equals(pointer)) {
                    return parser.currentTokenLocation();
                }
            }
        } catch (IOException e) {
            // Unreachable: the key comes before the point where the first parse stopped.
            throw new UncheckedIOException(e);
        }
        return null;
    }

    /** Where the YAML parser found the problem, which can be past Jackson's last token, and what it is. */
    private static String syntaxError(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            final Mark mark = yaml.getProblemMark();
            return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": not valid YAML: " +
                   yaml.getProblem() + (yaml.getContext() == null ? "" : " (" + yaml.getContext() + ')');
        }
        return location(e.getLocation()) + "not valid YAML: " + e.getOriginalMessage();
    }

    private static String location(@Nullable JsonLocation location) {
        return location == null || location.getLineNr() <= 0 ? "" : "line " + location.getLineNr() + ": ";
    }
}

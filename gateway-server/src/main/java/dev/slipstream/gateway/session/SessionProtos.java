package dev.slipstream.gateway.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.Timestamp;

import dev.slipstream.api.gateway.v1.Message;
import dev.slipstream.context.RunningSummary;
import dev.slipstream.context.Session;
import dev.slipstream.context.SessionInfo;
import dev.slipstream.context.SessionMessage;
import dev.slipstream.gateway.chat.ChatMessage;
import dev.slipstream.gateway.error.FieldViolation;
import dev.slipstream.gateway.error.GatewayException;
import dev.slipstream.gateway.grpc.MessageProtos;

/** Maps between the {@code SessionService} protos and the context store's records. */
final class SessionProtos {
    private SessionProtos() {}

    /** Throws INVALID_ARGUMENT naming each message without a role. */
    static List<ChatMessage> toChatMessages(List<Message> messages) {
        final List<FieldViolation> violations = new ArrayList<>();
        final List<ChatMessage> converted = MessageProtos.toChatMessages(messages, violations);
        if (!violations.isEmpty()) {
            throw GatewayException.invalid(violations);
        }
        return converted;
    }

    static dev.slipstream.api.gateway.v1.Session toProto(Session session) {
        final dev.slipstream.api.gateway.v1.Session.Builder proto =
                dev.slipstream.api.gateway.v1.Session.newBuilder()
                                                     .setId(session.id())
                                                     .setCreateTime(timestamp(session.createdAt()))
                                                     .setUpdateTime(timestamp(session.updatedAt()))
                                                     .setTtlMs(session.ttl().toMillis())
                                                     .setVersion(session.version())
                                                     .putAllMetadata(session.metadata())
                                                     .setMessageCount(session.messages().size());
        for (SessionMessage message : session.messages()) {
            proto.addMessages(toProto(message));
        }
        final RunningSummary summary = session.summary();
        if (summary != null) {
            proto.setSummary(summary.text());
        }
        return proto.build();
    }

    static dev.slipstream.api.gateway.v1.Session toProto(SessionInfo info) {
        return dev.slipstream.api.gateway.v1.Session.newBuilder()
                                                    .setId(info.id())
                                                    .setCreateTime(timestamp(info.createdAt()))
                                                    .setUpdateTime(timestamp(info.updatedAt()))
                                                    .setTtlMs(info.ttl().toMillis())
                                                    .setVersion(info.version())
                                                    .putAllMetadata(info.metadata())
                                                    .setMessageCount(info.messageCount())
                                                    .build();
    }

    private static Message toProto(SessionMessage message) {
        final dev.slipstream.api.gateway.v1.Role role = switch (message.role()) {
            case SYSTEM -> dev.slipstream.api.gateway.v1.Role.ROLE_SYSTEM;
            case USER -> dev.slipstream.api.gateway.v1.Role.ROLE_USER;
            case ASSISTANT -> dev.slipstream.api.gateway.v1.Role.ROLE_ASSISTANT;
        };
        return Message.newBuilder().setRole(role).setContent(message.content()).build();
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}

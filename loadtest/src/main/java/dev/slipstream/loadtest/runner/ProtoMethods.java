package dev.slipstream.loadtest.runner;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

import dev.slipstream.api.execution.v1.ExecutionAdvisorServiceGrpc;
import dev.slipstream.api.gateway.v1.AdminServiceGrpc;
import dev.slipstream.api.gateway.v1.ChatServiceGrpc;
import dev.slipstream.api.gateway.v1.ModelServiceGrpc;
import dev.slipstream.api.gateway.v1.PromptServiceGrpc;
import dev.slipstream.api.gateway.v1.SessionServiceGrpc;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.MethodType;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;

/**
 * The methods of the Slipstream protos, from their generated descriptors (so no {@code .proto} parsing at
 * run time), found by ghz's fully qualified call name, with their request messages built from JSON.
 */
final class ProtoMethods {
    private static final List<ServiceDescriptor> SERVICES = List.of(
            ChatServiceGrpc.getServiceDescriptor(), SessionServiceGrpc.getServiceDescriptor(),
            PromptServiceGrpc.getServiceDescriptor(), ModelServiceGrpc.getServiceDescriptor(),
            AdminServiceGrpc.getServiceDescriptor(), ExecutionAdvisorServiceGrpc.getServiceDescriptor());
    private static final JsonFormat.Parser JSON = JsonFormat.parser();

    private ProtoMethods() {}

    static List<ServiceDescriptor> services() {
        return SERVICES;
    }

    /** A unary or server-streaming method with its request prototype. */
    record Method(MethodDescriptor<Message, Message> descriptor, Message requestPrototype,
                  CallTemplate.MethodNames names) {
        boolean serverStreaming() {
            return descriptor.getType() == MethodType.SERVER_STREAMING;
        }

        /** The request from protobuf JSON; a clear message naming the method when it does not fit. */
        Message request(String json) {
            final Message.Builder builder = requestPrototype.newBuilderForType();
            try {
                JSON.merge(json, builder);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalArgumentException(
                        "data does not fit " + names.inputName() + " (" + names.fullyQualifiedName() + "): " +
                        e.getMessage(), e);
            }
            return builder.build();
        }
    }

    /** {@code call} as ghz writes it: {@code package.Service.Method} or {@code package.Service/Method}. */
    static Method find(String call) {
        final String normalized = call.contains("/") ? call : replaceLastDot(call);
        final Map<String, MethodDescriptor<?, ?>> known = new TreeMap<>();
        for (ServiceDescriptor service : SERVICES) {
            for (MethodDescriptor<?, ?> method : service.getMethods()) {
                known.put(method.getFullMethodName(), method);
            }
        }
        final MethodDescriptor<?, ?> found = known.get(normalized);
        if (found == null) {
            throw new IllegalArgumentException("call: unknown method '" + call + "'; known: " +
                                               String.join(", ", known.keySet().stream()
                                                                      .map(name -> name.replace('/', '.')).toList()));
        }
        if (found.getType() != MethodType.UNARY && found.getType() != MethodType.SERVER_STREAMING) {
            throw new IllegalArgumentException("call: " + call + " is " + found.getType() +
                                               "; this runner drives unary and server-streaming methods");
        }
        @SuppressWarnings("unchecked")
        final MethodDescriptor<Message, Message> method = (MethodDescriptor<Message, Message>) found;
        final Message prototype = (Message) ((MethodDescriptor.PrototypeMarshaller<?>) method.getRequestMarshaller())
                .getMessagePrototype();
        final com.google.protobuf.Descriptors.MethodDescriptor proto =
                ((ProtoMethodDescriptorSupplier) method.getSchemaDescriptor()).getMethodDescriptor();
        final CallTemplate.MethodNames names = new CallTemplate.MethodNames(
                proto.getFullName(), proto.getName(), proto.getService().getFullName(),
                proto.getInputType().getFullName(), proto.getOutputType().getFullName(), proto.isClientStreaming(),
                proto.isServerStreaming());
        return new Method(method, prototype, names);
    }

    private static String replaceLastDot(String call) {
        final int dot = call.lastIndexOf('.');
        return dot < 0 ? call : call.substring(0, dot) + '/' + call.substring(dot + 1);
    }
}

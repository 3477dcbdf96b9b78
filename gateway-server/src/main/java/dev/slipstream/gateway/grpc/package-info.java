/** The gRPC services and their mapping between protobuf and the chat domain. */
@NonNullByDefault
package dev.slipstream.gateway.grpc;

import com.linecorp.armeria.common.annotation.NonNullByDefault;

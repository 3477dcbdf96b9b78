/**
 * Conversation sessions: the {@link dev.slipstream.context.ContextStore} API, its in-memory (Caffeine)
 * and Redis (Lettuce) implementations, and the limits both enforce alike.
 */
@NullMarked
package dev.slipstream.context;

import org.jspecify.annotations.NullMarked;

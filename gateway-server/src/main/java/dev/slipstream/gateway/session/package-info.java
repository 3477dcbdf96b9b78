/** Conversation sessions: the SessionService, windowing a session into a prompt, and chat with a session. */
@NonNullByDefault
package dev.slipstream.gateway.session;

import com.linecorp.armeria.common.annotation.NonNullByDefault;

/** The OpenAI-compatible HTTP surface (/v1/chat/completions, /v1/models). */
@NonNullByDefault
package dev.slipstream.gateway.http;

import com.linecorp.armeria.common.annotation.NonNullByDefault;

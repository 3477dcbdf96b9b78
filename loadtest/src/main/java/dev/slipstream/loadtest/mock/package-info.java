/** A fast mock LLM upstream that speaks OpenAI's chat completions wire format. */
@NonNullByDefault
package dev.slipstream.loadtest.mock;

import com.linecorp.armeria.common.annotation.NonNullByDefault;

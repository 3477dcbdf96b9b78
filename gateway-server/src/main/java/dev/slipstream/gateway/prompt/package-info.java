/**
 * Prompt encapsulation: the live template set (loaded at start, reloaded on file change or admin request)
 * and the invoker that renders a template, asks its model, validates the answer and falls back to a baseline.
 */
@NonNullByDefault
package dev.slipstream.gateway.prompt;

import com.linecorp.armeria.common.annotation.NonNullByDefault;

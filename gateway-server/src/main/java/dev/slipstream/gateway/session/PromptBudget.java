package dev.slipstream.gateway.session;

/**
 * What a windowed prompt may hold.
 *
 * @param tokens the model's context window minus the reply budget and the margin
 * @param maxMessages and {@code maxChars}: the gateway's request limits, which the prompt must pass too
 * @param explanation how {@code tokens} came about, for error messages
 */
record PromptBudget(int tokens, int maxMessages, long maxChars, String explanation) {}

package dev.slipstream.gateway.config;

import java.util.List;

import com.linecorp.armeria.common.annotation.Nullable;

/**
 * How a chat request with a session is windowed: the prompt gets the session's system messages, its
 * running summary and the newest turns that fit into the model's context window minus the reply budget
 * and a margin.
 *
 * @param policy what happens to older turns that no longer fit: one of {@link #POLICIES}
 * @param summarizerModel {@code summarize} only: the model alias that folds older turns into the summary
 * @param summaryMaxTokens {@code summarize} only: the longest summary the summarizer may write
 * @param replyBudgetTokens tokens kept free for the reply when the request sets no max_output_tokens
 *                          (it is then also sent upstream as the request's output limit)
 * @param marginTokens tokens kept free besides, for the difference between the gateway's token count and
 *                     the provider's
 * @param defaultContextWindowTokens the window of a model whose context_window_tokens is unknown (0)
 * @param maxAppendRetries how often storing a turn is retried after another turn on the same session was
 *                         stored first (the model is not called again)
 */
public record SessionsConfig(String policy, @Nullable String summarizerModel, Integer summaryMaxTokens,
                             Integer replyBudgetTokens, Integer marginTokens, Integer defaultContextWindowTokens,
                             Integer maxAppendRetries) {
    public static final String TRUNCATE_OLDEST = "truncate_oldest";
    public static final String SUMMARIZE = "summarize";
    public static final List<String> POLICIES = List.of(TRUNCATE_OLDEST, SUMMARIZE);
    public static final SessionsConfig DEFAULT = new SessionsConfig(null, null, null, null, null, null, null);

    public SessionsConfig(@Nullable String policy, @Nullable String summarizerModel,
                          @Nullable Integer summaryMaxTokens, @Nullable Integer replyBudgetTokens,
                          @Nullable Integer marginTokens, @Nullable Integer defaultContextWindowTokens,
                          @Nullable Integer maxAppendRetries) {
        this.policy = policy == null ? TRUNCATE_OLDEST : policy;
        this.summarizerModel = summarizerModel;
        this.summaryMaxTokens = summaryMaxTokens == null ? 512 : summaryMaxTokens;
        this.replyBudgetTokens = replyBudgetTokens == null ? 1_024 : replyBudgetTokens;
        this.marginTokens = marginTokens == null ? 64 : marginTokens;
        this.defaultContextWindowTokens = defaultContextWindowTokens == null ? 8_192 : defaultContextWindowTokens;
        this.maxAppendRetries = maxAppendRetries == null ? 5 : maxAppendRetries;
    }
}

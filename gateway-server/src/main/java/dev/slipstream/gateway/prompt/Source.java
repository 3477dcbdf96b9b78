package dev.slipstream.gateway.prompt;

/** Where a prompt's answer came from. */
public enum Source {
    /** The model's first answer, valid as given. */
    MODEL,
    /** The model's answer after being told what was wrong with an earlier one. */
    REPAIRED,
    /** No valid model answer in time: the deterministic baseline. */
    BASELINE
}

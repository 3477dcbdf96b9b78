package dev.slipstream.execution.engine;

/** Where decisions are recorded. */
@FunctionalInterface
public interface AuditLog {

    void record(DecisionRecord decision);

    AuditLog NONE = decision -> {};
}

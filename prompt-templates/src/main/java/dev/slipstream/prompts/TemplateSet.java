package dev.slipstream.prompts;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** A validated set of templates: every version of every prompt id. Immutable. */
public final class TemplateSet {
    private final NavigableMap<String, NavigableMap<Integer, PromptTemplate>> byId = new TreeMap<>();

    TemplateSet(Collection<PromptTemplate> templates) {
        for (PromptTemplate template : templates) {
            final PromptTemplate earlier = byId.computeIfAbsent(template.id(), id -> new TreeMap<>())
                                               .putIfAbsent(template.version(), template);
            if (earlier != null) {
                throw new IllegalArgumentException("duplicate template " + template.name());
            }
        }
    }

    public SortedSet<String> ids() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(byId.keySet()));
    }

    /** Every version of {@code id}, oldest first; empty for an unknown id. */
    public List<PromptTemplate> versions(String id) {
        final NavigableMap<Integer, PromptTemplate> versions = byId.get(id);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    /** The version served when a request does not pin one. */
    public Optional<PromptTemplate> newest(String id) {
        final NavigableMap<Integer, PromptTemplate> versions = byId.get(id);
        return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    public Optional<PromptTemplate> get(String id, int version) {
        final NavigableMap<Integer, PromptTemplate> versions = byId.get(id);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    /** The number of template files, all versions counted. */
    public int size() {
        return byId.values().stream().mapToInt(NavigableMap::size).sum();
    }
}

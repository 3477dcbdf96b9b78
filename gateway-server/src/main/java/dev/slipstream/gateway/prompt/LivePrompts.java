package dev.slipstream.gateway.prompt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import com.linecorp.armeria.common.annotation.Nullable;

import dev.slipstream.gateway.error.ErrorReason;
import dev.slipstream.gateway.error.GatewayException;
import dev.slipstream.prompts.OutputValidator;
import dev.slipstream.prompts.PromptTemplate;
import dev.slipstream.prompts.TemplateSet;

/** One immutable generation of templates, each with its output validator compiled once. */
public final class LivePrompts {
    static final LivePrompts NONE = new LivePrompts(null);

    @Nullable
    private final TemplateSet templates;
    private final Map<String, OutputValidator> validatorsByName = new HashMap<>();

    LivePrompts(@Nullable TemplateSet templates) {
        this.templates = templates;
        if (templates != null) {
            for (String id : templates.ids()) {
                templates.versions(id).forEach(t -> validatorsByName.put(t.name(), new OutputValidator(t)));
            }
        }
    }

    public SortedSet<String> ids() {
        return templates == null ? new TreeSet<>() : templates.ids();
    }

    /** Every version of {@code id}, oldest first; empty for an unknown id. */
    public List<PromptTemplate> versions(String id) {
        return templates == null ? List.of() : templates.versions(id);
    }

    /** The newest version of {@code id}, or the pinned one; {@code version} 0 means the newest. */
    public Optional<PromptTemplate> find(String id, int version) {
        if (templates == null) {
            return Optional.empty();
        }
        return version == 0 ? templates.newest(id) : templates.get(id, version);
    }

    /** Like {@link #find} but a PROMPT_NOT_FOUND error for callers when there is no such template. */
    public PromptTemplate require(String id, int version) {
        return find(id, version).orElseThrow(() -> GatewayException.of(
                ErrorReason.PROMPT_NOT_FOUND,
                version == 0 ? "prompt '" + id + "' not found (expected one of: " + ids() + ')'
                             : "prompt '" + id + "' version " + version + " not found (expected one of: " +
                               versions(id).stream().map(PromptTemplate::version).toList() + ')'));
    }

    OutputValidator validator(PromptTemplate template) {
        final OutputValidator validator = validatorsByName.get(template.name());
        if (validator == null) {
            throw new IllegalArgumentException(template.name() + " is not part of this generation");
        }
        return validator;
    }

    /** Template files, all versions counted. */
    public int size() {
        return templates == null ? 0 : templates.size();
    }
}

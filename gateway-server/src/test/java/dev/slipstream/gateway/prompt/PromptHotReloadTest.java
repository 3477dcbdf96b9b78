package dev.slipstream.gateway.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import dev.slipstream.api.gateway.v1.AdminServiceGrpc.AdminServiceBlockingStub;
import dev.slipstream.api.gateway.v1.InvokePromptRequest;
import dev.slipstream.api.gateway.v1.InvokePromptResponse;
import dev.slipstream.api.gateway.v1.PromptServiceGrpc.PromptServiceBlockingStub;
import dev.slipstream.api.gateway.v1.ReloadPromptsRequest;
import dev.slipstream.api.gateway.v1.ReloadPromptsResponse;
import dev.slipstream.api.gateway.v1.Source;
import dev.slipstream.gateway.config.PromptsConfig;
import dev.slipstream.gateway.provider.fake.FakeOpenAi;
import dev.slipstream.gateway.testing.PromptGateways;
import dev.slipstream.gateway.testing.RunningGateway;

/**
 * Templates change under a running gateway: an edit on disk changes the next response; a broken edit is
 * rejected as a whole, by the file watch and by AdminService.ReloadPrompts, while the previous set serves.
 */
class PromptHotReloadTest {
    private static final Duration WATCH_WAIT = Duration.ofSeconds(10);
    private static final String ANSWER =
            "{\"sentiment\": \"NEUTRAL\", \"score\": 0, \"relevance\": 0.2, \"rationale\": \"Routine news.\"}";
    private static final String ORIGINAL_ROLE = "You are a markets analyst.";
    private static final String EDITED_ROLE = "You are a sceptical markets analyst.";

    @TempDir
    Path templates;
    private Path newsTemplate;
    private FakeOpenAi fake;
    private RunningGateway gateway;
    private PromptServiceBlockingStub prompts;

    @BeforeEach
    void start() {
        PromptGateways.copyShippedTemplates(templates);
        newsTemplate = templates.resolve("news-sentiment").resolve("v1.yaml");
        fake = new FakeOpenAi();
        fake.answerWith(ANSWER);
        // A short debounce keeps the test quick; the watch itself is what is tested.
        gateway = PromptGateways.start(fake, new PromptsConfig(templates.toString(), true, 50L, null, null, null));
        prompts = gateway.grpcClient().build(PromptServiceBlockingStub.class);
    }

    @AfterEach
    void stop() {
        gateway.close();
        fake.stop().join();
    }

    @Test
    void editingATemplateOnDiskChangesTheNextResponse() throws Exception {
        assertThat(invoke().getBaselineDescription()).startsWith("NEUTRAL with score 0");
        assertThat(lastSystemPrompt()).contains(ORIGINAL_ROLE);

        edit(ORIGINAL_ROLE, EDITED_ROLE);
        edit("description: NEUTRAL with score 0", "description: Edited NEUTRAL with score 0");

        final InvokePromptResponse edited = invokeUntil(r -> r.getBaselineDescription().startsWith("Edited"));
        assertThat(edited.getSource()).isEqualTo(Source.SOURCE_MODEL);
        assertThat(lastSystemPrompt()).contains(EDITED_ROLE).doesNotContain(ORIGINAL_ROLE);
    }

    @Test
    void aBrokenEditIsRejectedAndThePreviousVersionKeepsServing() throws Exception {
        edit(ORIGINAL_ROLE, EDITED_ROLE);
        invokeUntil(r -> lastSystemPrompt().contains(EDITED_ROLE));

        // A placeholder in the system prompt and an undeclared variable: the set is refused as a whole.
        edit(EDITED_ROLE, "You are a broken analyst. {{asset}}");
        Files.writeString(templates.resolve("impact-adjustment").resolve("v1.yaml"), "id: [unclosed\n");

        final ReloadPromptsResponse reload = gateway.grpcClient().build(AdminServiceBlockingStub.class)
                                                    .reloadPrompts(ReloadPromptsRequest.getDefaultInstance());
        assertThat(reload.getApplied()).isFalse();
        assertThat(reload.getLiveTemplateCount()).isEqualTo(3);
        assertThat(reload.getDirectory()).isEqualTo(templates.toString());
        assertThat(reload.getProblemsList()).anySatisfy(p -> assertThat(p).startsWith(
                templates.resolve("news-sentiment").resolve("v1.yaml") + ":"))
                                            .anySatisfy(p -> assertThat(p).startsWith(
                templates.resolve("impact-adjustment").resolve("v1.yaml") + ":").contains("not valid YAML"));
        // The watcher has seen the same edits (several debounce periods) and refused them too.
        Thread.sleep(500);
        fake.reset();
        fake.answerWith(ANSWER);
        assertThat(invoke().getSource()).isEqualTo(Source.SOURCE_MODEL);
        assertThat(lastSystemPrompt()).contains(EDITED_ROLE).doesNotContain("broken");

        // Fixing the files brings the watcher's reloads back.
        Files.copy(PromptGateways.SHIPPED_TEMPLATES.resolve("impact-adjustment").resolve("v1.yaml"),
                   templates.resolve("impact-adjustment").resolve("v1.yaml"),
                   StandardCopyOption.REPLACE_EXISTING);
        edit("You are a broken analyst. {{asset}}", ORIGINAL_ROLE);
        invokeUntil(r -> lastSystemPrompt().contains(ORIGINAL_ROLE));
    }

    private void edit(String from, String to) throws IOException {
        final String text = Files.readString(newsTemplate);
        assertThat(text).contains(from);
        Files.writeString(newsTemplate, text.replace(from, to));
    }

    private InvokePromptResponse invoke() {
        return prompts.invokePrompt(
                InvokePromptRequest.newBuilder()
                                   .setPromptId("news-sentiment")
                                   .setVariables(Struct.newBuilder()
                                                       .putFields("asset", text("BTC"))
                                                       .putFields("headline", text("Quiet day")))
                                   .build());
    }

    private static Value text(String value) {
        return Value.newBuilder().setStringValue(value).build();
    }

    /** Invokes until {@code done} holds for a response, as the watcher reloads in the background. */
    private InvokePromptResponse invokeUntil(Predicate<InvokePromptResponse> done) throws InterruptedException {
        final long deadline = System.nanoTime() + WATCH_WAIT.toNanos();
        while (true) {
            final InvokePromptResponse response = invoke();
            if (done.test(response)) {
                return response;
            }
            assertThat(System.nanoTime()).as("the watcher reloaded within %s", WATCH_WAIT).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private String lastSystemPrompt() {
        return fake.received().getLast().turns().getFirst().text();
    }
}

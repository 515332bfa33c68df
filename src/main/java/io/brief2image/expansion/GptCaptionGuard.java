package io.brief2image.expansion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brief2image.base.PolicyAction;
import io.brief2image.guidelines.rules.FoundNameRule;
import io.brief2image.guidelines.rules.Screened;
import io.brief2image.http.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The GPT guard: asks the chat model (strict JSON schema, prompts/guard.schema.json) to list every
 * person, artist, studio, character and identifying title still in the final captions, and enforces
 * each finding with the data rules ({@link FoundNameRule}). The chat model's reply is a list of names
 * only; a name is acted on only where the caption spells it, and only replaced by words from the
 * data, so the guard can remove names but never add one. A failed check (HTTP error, a reply that is
 * not the schema, a timeout) leaves the captions as the data rules made them and says so in the note.
 * The call is paid like expansion's: {@link ChatCompletions} reserves and settles it.
 */
public final class GptCaptionGuard implements CaptionGuard {

    public static final String BY = "gpt-guard";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final ChatCompletions chat;
    private final String model;
    private final RetryPolicy retries;
    private final FoundNameRule names;
    private final StructuredPrompt prompt = StructuredPrompt.guard();

    /** @param retries the image calls' policy; the guard takes its backoff with the chat calls' attempts */
    public GptCaptionGuard(ChatCompletions chat, String model, RetryPolicy retries, FoundNameRule names) {
        this.chat = chat;
        this.model = model;
        this.retries = retries.withAttempts(GptCaptionWriter.ATTEMPTS).withWaitCap(MAX_WAIT);
        this.names = names;
    }

    /** One name the chat model found: caption number from 1, the name as written, its kind. */
    record Finding(int caption, String name, String kind) {
    }

    @Override
    public Guarded check(List<String> captions) {
        ObjectNode user = JSON.createObjectNode();
        captions.forEach(user.putArray("captions")::add);
        List<Finding> findings;
        try {
            findings = retries.run(() -> findingsOf(chat.complete(model, prompt, user.toString())), CALL).value();
        } catch (GuardFailed e) {
            return new Guarded(captions, List.of(), "the GPT guard failed, the captions were checked by the data rules only: " + e.getMessage());
        }
        List<String> guarded = new ArrayList<>(captions);
        List<PolicyAction> actions = new ArrayList<>();
        for (Finding finding : findings) {
            if (finding.caption() < 1 || finding.caption() > guarded.size()) {
                continue;
            }
            int k = finding.caption() - 1;
            Screened enforced = names.enforce(guarded.get(k), finding.name(), finding.kind(), BY);
            guarded.set(k, enforced.text());
            actions.addAll(enforced.actions());
        }
        return new Guarded(guarded, actions, null);
    }

    /** The findings of a reply; anything not shaped as the schema asks is a failed check, not a partial one. */
    static List<Finding> findingsOf(ChatReply reply) throws ChatFailure {
        JsonNode findings = GptCaptionWriter.usableContent(reply).path("findings");
        if (!findings.isArray()) {
            throw ChatFailure.retryable("the guard reply does not match the schema: no findings list");
        }
        List<Finding> found = new ArrayList<>();
        for (JsonNode item : findings) {
            if (!item.path("caption").canConvertToInt() || !item.path("name").isTextual() || !item.path("kind").isTextual()) {
                throw ChatFailure.retryable("the guard reply does not match the schema: a finding lacks caption, name or kind");
            }
            found.add(new Finding(item.path("caption").asInt(), item.path("name").asText(), item.path("kind").asText()));
        }
        return found;
    }

    private static final class GuardFailed extends Exception {
        GuardFailed(String message) {
            super(message, null, false, false);
        }
    }

    private static final RetryPolicy.Caller<GuardFailed> CALL = new RetryPolicy.Caller<>() {
        @Override
        public RetryPolicy.Verdict judge(Exception failure) {
            return failure instanceof ChatFailure chat ? new RetryPolicy.Verdict(chat.retryable(), chat.retryAfter()) : null;
        }

        @Override
        public GuardFailed failed(Exception failure, int attempts, boolean gaveUp) {
            return new GuardFailed(gaveUp ? failure.getMessage() + " (after " + GptCaptionWriter.count(attempts, "attempt") + ")" : failure.getMessage());
        }

        @Override
        public GuardFailed interrupted() {
            return new GuardFailed("interrupted while waiting to ask the chat model again");
        }
    };
}

package io.brief2image.expansion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brief2image.http.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Captions and tunes from a chat model with structured output. A reply with more captions than
 * asked is cut to the first n, one with fewer is returned for the rules to fill; a reply that is
 * not usable (not the schema, a refusal, an empty or too long caption, an echo of the request) is
 * asked once more and then reported, so the stage falls back to the rules. Server faults are
 * retried the same way, under the image calls' {@link RetryPolicy} with {@value #ATTEMPTS} attempts
 * and waits of at most 30 s. A chat model's text is never trusted: the guidelines run on it after.
 */
public final class GptCaptionWriter implements CaptionWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    // one quick second chance; the rules are a good answer when the chat model keeps failing
    static final int ATTEMPTS = 2;
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final ChatCompletions chat;
    private final String model;
    private final RetryPolicy retries;
    private final StructuredPrompt captionsPrompt;
    private final StructuredPrompt tunePrompt = StructuredPrompt.tune();

    /** @param retries the image calls' policy; chat calls take its backoff with fewer attempts and a shorter wait */
    public GptCaptionWriter(ChatCompletions chat, String model, RetryPolicy retries) {
        this(chat, model, retries, Representation.OFF);
    }

    /** @param representation whether the captions prompt carries the seed's representation rule */
    public GptCaptionWriter(ChatCompletions chat, String model, RetryPolicy retries, Representation representation) {
        this.captionsPrompt = StructuredPrompt.captions().withInstruction(representation.instruction());
        this.chat = chat;
        this.model = model;
        this.retries = retries.withAttempts(ATTEMPTS).withWaitCap(MAX_WAIT);
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public WrittenCaptions captions(String prompt, List<String> types, int maxPromptChars) throws ExpansionException {
        ObjectNode user = JSON.createObjectNode();
        user.put("prompt", prompt);
        types.forEach(user.putArray("image_types")::add);
        user.put("n", types.size());
        // the schema asks for exactly n; servers that do not enforce it are read tolerantly below
        StructuredPrompt asked = captionsPrompt.withArrayLength("captions", types.size());
        EchoCheck echo = new EchoCheck(asked.systemPrompt(), EchoCheck.keysOf(user, asked.schema()));
        return withOneRetry(() -> captionsOf(chat.complete(model, asked, user.toString()), types.size(),
                new Limits(maxPromptChars, echo)));
    }

    @Override
    public String applyChange(String earlierPrompt, String change, int maxPromptChars) throws ExpansionException {
        ObjectNode user = JSON.createObjectNode();
        user.put("earlier_prompt", earlierPrompt);
        user.put("change", change);
        EchoCheck echo = new EchoCheck(tunePrompt.systemPrompt(), EchoCheck.keysOf(user, tunePrompt.schema()));
        return withOneRetry(() -> fittingText(usableContent(chat.complete(model, tunePrompt, user.toString())).path("prompt"),
                "prompt", new Limits(maxPromptChars, echo)));
    }

    /** What every text from the chat model must pass: the image model's prompt limit and no echo of the request. */
    private record Limits(int maxPromptChars, EchoCheck echo) {
    }

    /**
     * The first n captions. More than n is not a reason to ask again: the first n are what was
     * asked for. Fewer than n are returned as they are, for the rules to fill.
     */
    private static WrittenCaptions captionsOf(ChatReply reply, int n, Limits limits) throws ChatFailure {
        JsonNode captions = usableContent(reply).path("captions");
        if (!captions.isArray()) {
            throw ChatFailure.retryable("the chat reply does not match the schema: no captions list");
        }
        if (captions.isEmpty()) {
            throw ChatFailure.retryable("the chat reply has no captions");
        }
        int used = Math.min(captions.size(), n);
        List<String> texts = new ArrayList<>();
        for (int k = 0; k < used; k++) {
            texts.add(fittingText(captions.get(k), "caption " + (k + 1), limits));
        }
        String note = captions.size() > n
                ? "the chat model wrote " + count(captions.size(), "caption") + " for " + count(n, "image")
                        + "; used the first " + n
                : null;
        return new WrittenCaptions(texts, note);
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String fittingText(JsonNode node, String what, Limits limits) throws ChatFailure {
        if (!node.isTextual()) {
            throw ChatFailure.retryable("the chat reply does not match the schema: " + what + " is not a string");
        }
        String text = node.asText().strip();
        if (text.isEmpty()) {
            throw ChatFailure.retryable("the chat reply is not usable: " + what + " is empty");
        }
        int length = text.codePointCount(0, text.length());
        if (length > limits.maxPromptChars()) {
            throw ChatFailure.retryable("the chat reply is not usable: " + what + " is " + length
                    + " characters, more than the image model's limit of " + limits.maxPromptChars());
        }
        String echo = limits.echo().echoIn(text);
        if (echo != null) {
            throw ChatFailure.retryable("the chat reply is not usable: " + what + " " + echo);
        }
        return text;
    }

    /** The reply's JSON object, when the model neither refused nor was cut off. */
    static JsonNode usableContent(ChatReply reply) throws ChatFailure {
        if (reply.refusal() != null) {
            throw ChatFailure.retryable("the chat model refused: " + reply.refusal());
        }
        if ("length".equals(reply.finishReason())) {
            throw ChatFailure.retryable("the chat reply was cut off at the token limit (finish_reason length)");
        }
        if ("content_filter".equals(reply.finishReason())) {
            throw ChatFailure.retryable("the chat reply was stopped by the server's content filter");
        }
        if (reply.content() == null) {
            throw ChatFailure.retryable("the chat reply has no content");
        }
        try {
            JsonNode content = JSON.readTree(reply.content());
            if (!content.isObject()) {
                throw ChatFailure.retryable("the chat reply does not match the schema: not a JSON object");
            }
            return content;
        } catch (IOException e) {
            throw ChatFailure.retryable("the chat reply is not valid JSON");
        }
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws ChatFailure;
    }

    private <T> T withOneRetry(Attempt<T> attempt) throws ExpansionException {
        return retries.run(attempt::run, CHAT_CALL).value();
    }

    /** What a failed chat call means for the expansion: the rules take over, with the reason in the note. */
    private static final RetryPolicy.Caller<ExpansionException> CHAT_CALL = new RetryPolicy.Caller<>() {
        @Override
        public RetryPolicy.Verdict judge(Exception failure) {
            return failure instanceof ChatFailure chat ? new RetryPolicy.Verdict(chat.retryable(), chat.retryAfter()) : null;
        }

        @Override
        public ExpansionException failed(Exception failure, int attempts, boolean gaveUp) {
            return new ExpansionException(gaveUp ? failure.getMessage() + " (after " + count(attempts, "attempt") + ")" : failure.getMessage());
        }

        @Override
        public ExpansionException interrupted() {
            return new ExpansionException("interrupted while waiting to ask the chat model again");
        }
    };
}

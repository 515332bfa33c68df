package io.brief2image.expansion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Captions and tunes from a chat model with structured output. A reply is used only when it is
 * exactly what was asked for; anything else is asked once more and then reported, so the stage
 * falls back to the rules. A chat model's text is never trusted: the guidelines run on it after.
 */
public final class GptCaptionWriter implements CaptionWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    // one quick second chance; the rules are a good answer when the chat model keeps failing
    private static final int ATTEMPTS = 2;
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final ChatCompletions chat;
    private final String model;
    private final int maxPromptChars;
    private final Duration retryDelay;
    private final StructuredPrompt captionsPrompt = StructuredPrompt.captions();
    private final StructuredPrompt tunePrompt = StructuredPrompt.tune();

    /** {@code maxPromptChars}: the image model's prompt limit, which every caption must fit. */
    public GptCaptionWriter(ChatCompletions chat, String model, int maxPromptChars, Duration retryDelay) {
        this.chat = chat;
        this.model = model;
        this.maxPromptChars = maxPromptChars;
        this.retryDelay = retryDelay;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public List<String> captions(String prompt, List<String> types) throws ExpansionException {
        ObjectNode user = JSON.createObjectNode();
        user.put("prompt", prompt);
        types.forEach(user.putArray("image_types")::add);
        user.put("n", types.size());
        return withOneRetry(() -> captionsOf(chat.complete(model, captionsPrompt, user.toString()), types.size()));
    }

    @Override
    public String applyChange(String earlierPrompt, String change) throws ExpansionException {
        ObjectNode user = JSON.createObjectNode();
        user.put("earlier_prompt", earlierPrompt);
        user.put("change", change);
        return withOneRetry(() -> tunedPromptOf(chat.complete(model, tunePrompt, user.toString())));
    }

    private List<String> captionsOf(ChatReply reply, int n) throws ChatFailure {
        JsonNode captions = usableContent(reply).path("captions");
        if (!captions.isArray()) {
            throw ChatFailure.retryable("the chat reply does not match the schema: no captions list");
        }
        if (captions.size() != n) {
            throw ChatFailure.retryable("the chat reply does not match the schema: expected " + n + " captions, got " + captions.size());
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode caption : captions) {
            texts.add(fittingText(caption, "caption " + (texts.size() + 1)));
        }
        return List.copyOf(texts);
    }

    private String tunedPromptOf(ChatReply reply) throws ChatFailure {
        return fittingText(usableContent(reply).path("prompt"), "prompt");
    }

    private String fittingText(JsonNode node, String what) throws ChatFailure {
        if (!node.isTextual()) {
            throw ChatFailure.retryable("the chat reply does not match the schema: " + what + " is not a string");
        }
        String text = node.asText().strip();
        if (text.isEmpty()) {
            throw ChatFailure.retryable("the chat reply does not match the schema: " + what + " is empty");
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxPromptChars) {
            throw ChatFailure.retryable("the chat reply does not match the schema: " + what + " is " + length
                    + " characters, more than the image model's limit of " + maxPromptChars);
        }
        return text;
    }

    /** The reply's JSON object, when the model neither refused nor was cut off. */
    private static JsonNode usableContent(ChatReply reply) throws ChatFailure {
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
        ChatFailure last = null;
        for (int k = 1; k <= ATTEMPTS; k++) {
            try {
                return attempt.run();
            } catch (ChatFailure failure) {
                last = failure;
                if (!failure.retryable()) {
                    throw new ExpansionException(failure.getMessage());
                }
                if (k < ATTEMPTS) {
                    pauseBeforeRetry(failure);
                }
            }
        }
        throw new ExpansionException(last.getMessage() + " (after " + ATTEMPTS + " attempts)");
    }

    private void pauseBeforeRetry(ChatFailure failure) throws ExpansionException {
        Duration wait = failure.retryAfter() != null ? failure.retryAfter() : retryDelay;
        if (wait.compareTo(MAX_WAIT) > 0) {
            wait = MAX_WAIT;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExpansionException("interrupted while waiting to ask the chat model again", e);
        }
    }
}

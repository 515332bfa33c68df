package io.brief2image.expansion;

import java.util.List;

/** Writes detailed captions for a prompt, or applies a change to an earlier prompt (a chat model). */
public interface CaptionWriter {

    /** The model id recorded in sidecars. */
    String model();

    /**
     * Between one and {@code types.size()} captions, in type order, each within {@code maxPromptChars}
     * (the image model's prompt limit); an exception saying why when none is usable.
     */
    WrittenCaptions captions(String prompt, List<String> types, int maxPromptChars) throws ExpansionException;

    /** The earlier prompt with only the change applied, within {@code maxPromptChars}. */
    String applyChange(String earlierPrompt, String change, int maxPromptChars) throws ExpansionException;

    /**
     * Captions as written, at most one per image; fewer when the chat model wrote fewer, so the
     * caller fills the rest. {@code note} says what was made of an imperfect reply, or is null.
     */
    record WrittenCaptions(List<String> texts, String note) {
        public WrittenCaptions {
            texts = List.copyOf(texts);
        }
    }

    class ExpansionException extends Exception {
        public ExpansionException(String message) {
            super(message);
        }

        public ExpansionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

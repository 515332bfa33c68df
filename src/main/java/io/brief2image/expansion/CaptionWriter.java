package io.brief2image.expansion;

import java.util.List;

/** Writes detailed captions for a prompt, or applies a change to an earlier prompt (a chat model). */
public interface CaptionWriter {

    /** The model id recorded in sidecars. */
    String model();

    /** Exactly {@code types.size()} captions, one per image type, or an exception saying why not. */
    List<String> captions(String prompt, List<String> types) throws ExpansionException;

    /** The earlier prompt with only the change applied. */
    String applyChange(String earlierPrompt, String change) throws ExpansionException;

    class ExpansionException extends Exception {
        public ExpansionException(String message) {
            super(message);
        }

        public ExpansionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

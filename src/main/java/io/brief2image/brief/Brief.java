package io.brief2image.brief;

import io.brief2image.base.Source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.brief2image.base.PolicyAction;
import io.brief2image.base.Sidecar;
import java.util.List;

/**
 * A validated brief (docs/DESIGN.md §1). Optional fields are null when the brief does not give them.
 * {@code fingerprint} identifies the content, so a redelivered brief is recognised. {@code n} is the
 * default count when the brief gives none; {@code nGiven} says whether the brief gave it, because
 * words in the prompt may choose the count only then (and never raise a count the brief gave).
 * {@code policy} records what validation changed: a retired model replaced, DALL·E-era fields carried over.
 * {@code parent} is the sidecar of the earlier image a reproduce or tune brief renders like, attached by
 * the outbox's earlier-images step ({@link #rerendering}); null otherwise. {@code priority} says whether the
 * images are made now or through a batch ({@link Priority}); a model whose server has no Batch API
 * makes it {@code now}, with a warning.
 */
public record Brief(
        String id,
        String prompt,
        int n,
        boolean nGiven,
        String size,
        String quality,
        String style,
        ModelSpec model,
        String outputFormat,
        String background,
        String imageType,
        boolean expand,
        Long seed,
        List<Long> seeds,
        String reproduce,
        String baseImage,
        String change,
        ObjectNode metadata,
        boolean replace,
        Priority priority,
        List<String> warnings,
        List<PolicyAction> policy,
        Source source,
        String fingerprint,
        Sidecar parent) {

    public boolean isReproduce() {
        return reproduce != null;
    }

    public boolean isTune() {
        return baseImage != null;
    }

    /**
     * Reproduce and tune render like the earlier image: its model, and its style, output format and
     * background unless the brief names a style or background of its own. The output format always
     * follows the earlier image, because a brief without one reads as png and would change the bytes.
     * {@code parentPolicy} replaces the brief's own policy entries, which were about the model the brief
     * named or defaulted to: what counts now is what became of the earlier image's model.
     */
    public Brief rerendering(Sidecar earlier, ModelSpec parentModel, List<PolicyAction> parentPolicy) {
        return new Brief(id, prompt, n, nGiven, size, quality, style != null ? style : earlier.style(), parentModel,
                earlier.outputFormat() != null ? earlier.outputFormat() : outputFormat,
                background != null ? background : earlier.background(), imageType, expand, seed, seeds,
                reproduce, baseImage, change, metadata, replace, priority, warnings, List.copyOf(parentPolicy), source, fingerprint, earlier);
    }

    /** Reproduce and tune render with the earlier image's model, whatever the default is. */
    public Brief withModel(ModelSpec other) {
        return new Brief(id, prompt, n, nGiven, size, quality, style, other, outputFormat, background, imageType, expand, seed, seeds,
                reproduce, baseImage, change, metadata, replace, priority, warnings, policy, source, fingerprint, parent);
    }

    /** The same brief with one more warning for its sidecars (a batch brief made now, say). */
    public Brief withWarning(String warning) {
        List<String> more = new java.util.ArrayList<>(warnings == null ? List.of() : warnings);
        more.add(warning);
        return new Brief(id, prompt, n, nGiven, size, quality, style, model, outputFormat, background, imageType, expand, seed, seeds,
                reproduce, baseImage, change, metadata, replace, priority, List.copyOf(more), policy, source, fingerprint, parent);
    }

    /** The same brief made now after all (its batch ended before its images were made), saying why. */
    public Brief madeNow(String warning) {
        return new Brief(id, prompt, n, nGiven, size, quality, style, model, outputFormat, background, imageType, expand, seed, seeds,
                reproduce, baseImage, change, metadata, replace, Priority.NOW, warnings, policy, source, fingerprint, parent).withWarning(warning);
    }

    public boolean isBatch() {
        return priority == Priority.BATCH;
    }
}

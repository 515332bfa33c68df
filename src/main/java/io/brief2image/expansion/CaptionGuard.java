package io.brief2image.expansion;

import io.brief2image.base.PolicyAction;
import java.util.List;

/** A last check of the final captions, after the data rules ran on them. */
public interface CaptionGuard {

    /** The captions, changed only where a finding was enforced, in the same order. */
    Guarded check(List<String> captions);

    /** {@code note} says why the check could not be made (the captions are then as the rules left them), or is null. */
    record Guarded(List<String> captions, List<PolicyAction> actions, String note) {
        public Guarded {
            captions = List.copyOf(captions);
            actions = List.copyOf(actions);
        }
    }
}

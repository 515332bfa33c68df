package io.brief2image.brief;

import java.util.List;
import java.util.Map;

/**
 * How values written for other models' fields (DALL·E 3 spreadsheets) are carried over to a model
 * that does not take them (models.yaml {@code carry_over}): sizes to the target's named shapes,
 * qualities to the target's, styles to words in the prompt, and fields the pipeline sets itself dropped.
 */
public record CarryOver(Map<String, String> sizes, Map<String, String> qualities, Map<String, String> styles, List<String> dropped) {

    public static final CarryOver NONE = new CarryOver(null, null, null, null);

    public CarryOver {
        sizes = sizes == null ? Map.of() : Map.copyOf(sizes);
        qualities = qualities == null ? Map.of() : Map.copyOf(qualities);
        styles = styles == null ? Map.of() : Map.copyOf(styles);
        dropped = dropped == null ? List.of() : List.copyOf(dropped);
    }
}

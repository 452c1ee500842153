package org.feedlab.ranker;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The model the platform trains, as declared. Policies can change its shape (a model-capacity
 * policy its hidden sizes, telemetry restrictions its withheld groups): {@link ModelResolution}
 * gives the model the trainer builds.
 *
 * @param kind wide&amp;deep (default) or Tribuo's multi-label linear SGD
 * @param embeddingDim wide&amp;deep: width of each categorical field's embedding
 * @param hiddenSizes wide&amp;deep: widths of the MLP's hidden layers
 * @param withheldFeatureGroups feature groups the platform may not use (telemetry restriction),
 *     names of {@link org.feedlab.ranker.features.Feature.Group} in lower case
 */
public record ModelConfig(
        Kind kind, int embeddingDim, List<Integer> hiddenSizes, List<String> withheldFeatureGroups)
        implements Serializable {

    /** The model families the trainer can build. */
    public enum Kind {
        /** The wide&amp;deep network on Tribuo's SGD framework. */
        WIDE_DEEP,
        /** Tribuo's multi-label linear SGD. */
        LINEAR;

        /** The name as written in scenario files ({@code wide-deep}, {@code linear}). */
        public String key() {
            return ConfigNames.of(this);
        }

        /**
         * The kind named {@code key}.
         *
         * @throws IllegalArgumentException for an unknown name
         */
        public static Kind of(String key) {
            return ConfigNames.parse(Kind.class, key, "model");
        }
    }

    public ModelConfig {
        Objects.requireNonNull(kind, "kind");
        hiddenSizes = List.copyOf(hiddenSizes);
        withheldFeatureGroups = List.copyOf(withheldFeatureGroups);
    }

    /** Wide&amp;deep with embeddings of 8, hidden layers of 32 and 16, every feature group. */
    public static final ModelConfig DEFAULTS =
            new ModelConfig(Kind.WIDE_DEEP, 8, List.of(32, 16), List.of());

    public ModelConfig withKind(Kind v) {
        return new ModelConfig(v, embeddingDim, hiddenSizes, withheldFeatureGroups);
    }

    public ModelConfig withEmbeddingDim(int v) {
        return new ModelConfig(kind, v, hiddenSizes, withheldFeatureGroups);
    }

    public ModelConfig withHiddenSizes(List<Integer> v) {
        return new ModelConfig(kind, embeddingDim, v, withheldFeatureGroups);
    }

    public ModelConfig withWithheldFeatureGroups(List<String> v) {
        return new ModelConfig(kind, embeddingDim, hiddenSizes, v);
    }
}

package org.feedlab.ranker.model.widedeep;

/**
 * Chooses the forward pass: the Vector API one when the JVM has the incubating module {@code
 * jdk.incubator.vector} (the launcher and the build add it with {@code --add-modules}), the scalar
 * one otherwise or when the system property {@value WideDeepScorer#SCALAR_PROPERTY} is {@code
 * true}. {@link VectorForward} is only loaded in the first case, so a JVM without the module never
 * touches it.
 */
final class ForwardPasses {
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    private ForwardPasses() {}

    /** Whether the Vector API pass will be used. */
    static boolean vectorInUse() {
        return !Boolean.getBoolean(WideDeepScorer.SCALAR_PROPERTY)
                && ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    static ForwardPass create(WideDeepScorer scorer) {
        return vectorInUse() ? VectorForward.of(scorer) : new ScalarForward(scorer);
    }
}

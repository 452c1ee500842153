package org.feedlab.ranker;

import java.util.Locale;

/**
 * How the configuration's choices are spelled in scenario files: an enum constant {@code LOG_ONLY}
 * is {@code log-only}.
 */
final class ConfigNames {
    private ConfigNames() {}

    /** The scenario-file name of a constant. */
    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant of {@code type} named {@code name} in scenario files.
     *
     * @param what what the name names, for the error
     * @throws IllegalArgumentException for an unknown name
     */
    static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + what + ": " + name);
    }
}

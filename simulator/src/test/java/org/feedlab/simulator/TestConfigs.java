package org.feedlab.simulator;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/** Builds society configs for tests: the defaults with some fields overridden by name. */
final class TestConfigs {
    private TestConfigs() {}

    /** {@code base} with the named components replaced, e.g. with(d, "users", 10). */
    static SocietyConfig with(SocietyConfig base, Object... nameValue) {
        try {
            Map<String, Object> over = new HashMap<>();
            for (int i = 0; i < nameValue.length; i += 2) {
                over.put((String) nameValue[i], nameValue[i + 1]);
            }
            RecordComponent[] rc = SocietyConfig.class.getRecordComponents();
            Object[] args = new Object[rc.length];
            Class<?>[] types = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                types[i] = rc[i].getType();
                args[i] =
                        over.containsKey(rc[i].getName())
                                ? over.remove(rc[i].getName())
                                : rc[i].getAccessor().invoke(base);
            }
            if (!over.isEmpty()) {
                throw new IllegalArgumentException("unknown fields " + over.keySet());
            }
            Constructor<SocietyConfig> c = SocietyConfig.class.getDeclaredConstructor(types);
            return c.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

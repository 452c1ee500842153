package org.feedlab.ranker.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of one policy's parameters, as the scenario file holds them. The scenario schema has
 * already checked types and ranges; these reads name the policy and key if a caller bypassed it.
 */
final class Params {
    private final String where;
    private final Map<String, Object> values;

    Params(String where, Map<String, Object> values) {
        this.where = where;
        this.values = values;
    }

    double number(String key, double fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw bad(key, "a number", v);
    }

    int integer(String key, int fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw bad(key, "an integer", v);
    }

    String text(String key, String fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof String s) {
            return s;
        }
        throw bad(key, "a string", v);
    }

    boolean flag(String key, boolean fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw bad(key, "true or false", v);
    }

    List<String> texts(String key) {
        Object v = values.get(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v instanceof List<?> list) {
            for (Object o : list) {
                out.add(String.valueOf(o));
            }
            return out;
        }
        throw bad(key, "a list of strings", v);
    }

    Map<String, Double> numbers(String key) {
        Object v = values.get(key);
        Map<String, Double> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getValue() instanceof Number n)) {
                    throw bad(key + "." + e.getKey(), "a number", e.getValue());
                }
                out.put(String.valueOf(e.getKey()), n.doubleValue());
            }
            return out;
        }
        throw bad(key, "a mapping of head names to numbers", v);
    }

    private PolicyException bad(String key, String expected, Object got) {
        return new PolicyException(where + "." + key, expected, String.valueOf(got));
    }
}

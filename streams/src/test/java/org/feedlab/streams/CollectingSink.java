package org.feedlab.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink for MiniCluster tests: every subtask appends to a list shared in this JVM under a name,
 * which the test reads after the job finished. Names keep the outputs of several jobs apart.
 */
final class CollectingSink<T> implements Sink<T> {
    private static final Map<String, List<Object>> RESULTS = new ConcurrentHashMap<>();

    private final String name;

    CollectingSink(String name) {
        this.name = name;
        RESULTS.put(name, new ArrayList<>());
    }

    /** What the sink of that name received, in no particular order across subtasks. */
    @SuppressWarnings("unchecked")
    static <T> List<T> results(String name) {
        List<Object> list = RESULTS.get(name);
        if (list == null) {
            throw new IllegalArgumentException("no sink named " + name);
        }
        synchronized (list) {
            return (List<T>) new ArrayList<>(list);
        }
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new ListWriter<>(RESULTS.get(name));
    }

    /** Appends each element to the shared list. */
    private static final class ListWriter<T> implements SinkWriter<T> {
        private final List<Object> list;

        ListWriter(List<Object> list) {
            this.list = list;
        }

        @Override
        public void write(T element, Context ctx) {
            synchronized (list) {
                list.add(element);
            }
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
    }
}

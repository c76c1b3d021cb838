package dev.vigie.template;

import java.util.ArrayList;
import java.util.List;

/** The miner's clusters by 64-bit key (token count and first token), in an open-addressing table: no boxing per line. */
final class Buckets {
    private long[] keys = new long[1024];
    private Object[] lists = new Object[1024];
    private int size;

    @SuppressWarnings("unchecked")
    List<TemplateMiner.Cluster> get(long key) {
        int mask = keys.length - 1;
        for (int slot = slot(key, mask); ; slot = (slot + 1) & mask) {
            Object list = lists[slot];
            if (list == null) {
                return null;
            }
            if (keys[slot] == key) {
                return (List<TemplateMiner.Cluster>) list;
            }
        }
    }

    void add(long key, TemplateMiner.Cluster c) {
        List<TemplateMiner.Cluster> list = get(key);
        if (list == null) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            list = new ArrayList<>(2);
            put(key, list);
            size++;
        }
        list.add(c);
    }

    private void put(long key, Object list) {
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (lists[slot] != null) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        lists[slot] = list;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldLists = lists;
        keys = new long[oldKeys.length * 2];
        lists = new Object[oldLists.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldLists[i] != null) {
                put(oldKeys[i], oldLists[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}

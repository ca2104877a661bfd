package org.vnetlab.commands.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

/**
 * The write side's cache of labs: the {@code capacity} most recently used, held strongly; the
 * least recently used one goes when another comes.
 *
 * <p>Why not Axon's WeakReferenceCache: the repository caches a fresh AggregateCacheEntry that
 * nothing else references, so every garbage collection (a young one every second or so under
 * load) emptied it, and the next command on each lab loaded it again from its snapshot and the
 * events after it (a 1,000-jail lab: about 50 ms; all its events if its snapshot was not written
 * yet). Measured in {@code bench api}: snapshot restores on the command threads, between the writes.
 *
 * <p>Held for long, a lab may go stale when another commands process writes to it. So a lab is
 * served from here only while its version is the store's ({@code storedVersion}, one indexed
 * query in the command's transaction, under the lab's lock): otherwise it is dropped and loaded
 * from the store. Without that, a line that emits nothing (a read, a rejected command) would be
 * answered from the stale copy and never notice.
 */
public final class LabCache implements Cache {
    private final int capacity;
    /** The lab's last stored sequence number, empty if it has none; null: no check (one writer). */
    private final Function<Object, Optional<Long>> storedVersion;
    private final Set<EntryListener> listeners = new CopyOnWriteArraySet<>();
    /** Access order: iteration starts at the least recently used. Guarded by this. */
    private final LinkedHashMap<Object, Object> entries;
    /** What the last put evicted, reported once the lock is released. Guarded by this. */
    private final List<Object> evicted = new ArrayList<>(1);

    public LabCache(int capacity, Function<Object, Optional<Long>> storedVersion) {
        if (capacity < 1) throw new IllegalArgumentException("a lab cache holds at least one lab, not " + capacity);
        this.capacity = capacity;
        this.storedVersion = storedVersion;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                if (size() <= LabCache.this.capacity) return false;
                evicted.add(eldest.getKey());
                return true;
            }
        };
    }

    @Override
    public <K, V> V get(K key) {
        Object value;
        synchronized (this) {
            value = entries.get(key);
        }
        if (value != null && storedVersion != null && !current(key, value)) {
            remove(key);
            return null;
        }
        if (value != null) for (EntryListener l : listeners) l.onEntryRead(key, value);
        @SuppressWarnings("unchecked")
        V v = (V) value;
        return v;
    }

    @Override
    public void put(Object key, Object value) {
        if (value == null) throw new IllegalArgumentException("null values are not cached");
        Object previous;
        List<Object> gone;
        synchronized (this) {
            previous = entries.put(key, value);
            gone = takeEvicted();
        }
        for (EntryListener l : listeners) {
            if (previous != null) l.onEntryUpdated(key, value);
            else l.onEntryCreated(key, value);
        }
        expired(gone);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (value == null) throw new IllegalArgumentException("null values are not cached");
        List<Object> gone;
        synchronized (this) {
            if (entries.containsKey(key)) return false;
            entries.put(key, value);
            gone = takeEvicted();
        }
        for (EntryListener l : listeners) l.onEntryCreated(key, value);
        expired(gone);
        return true;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed;
        synchronized (this) {
            removed = entries.remove(key) != null;
        }
        if (removed) for (EntryListener l : listeners) l.onEntryRemoved(key);
        return removed;
    }

    @Override
    public void removeAll() {
        List<Object> keys;
        synchronized (this) {
            keys = new ArrayList<>(entries.keySet());
            entries.clear();
        }
        for (Object k : keys) for (EntryListener l : listeners) l.onEntryRemoved(k);
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object updated;
        synchronized (this) {
            @SuppressWarnings("unchecked")
            V current = (V) entries.get(key);
            if (current == null) return;
            updated = update.apply(current);
            if (updated == null) entries.remove(key);
            else entries.put(key, updated);
        }
        for (EntryListener l : listeners) {
            if (updated == null) l.onEntryRemoved(key);
            else l.onEntryUpdated(key, updated);
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Whether the cached lab is at the store's last position for it. */
    private boolean current(Object key, Object value) {
        Long cached = version(value);
        Optional<Long> stored = storedVersion.apply(key);
        return cached != null && stored.isPresent() && stored.get().equals(cached);
    }

    /** The version of a cached aggregate (Axon's AggregateCacheEntry keeps the live aggregate it was made from). */
    private static Long version(Object value) {
        if (!(value instanceof AggregateCacheEntry<?> entry)) return null;
        try {
            return entry.recreateAggregate(null, null, null).version();
        } catch (RuntimeException e) {
            return null; // an entry without its live aggregate (never made here): load the lab
        }
    }

    /** Labs cached now. */
    public synchronized int size() {
        return entries.size();
    }

    private List<Object> takeEvicted() {
        if (evicted.isEmpty()) return List.of();
        List<Object> gone = new ArrayList<>(evicted);
        evicted.clear();
        return gone;
    }

    private void expired(List<Object> keys) {
        for (Object k : keys) for (EntryListener l : listeners) l.onEntryExpired(k);
    }
}

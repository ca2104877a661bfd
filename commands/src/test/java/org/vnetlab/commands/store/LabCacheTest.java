package org.vnetlab.commands.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.junit.jupiter.api.Test;

class LabCacheTest {

    @Test
    void givenEntriesReferencedByNothingElse_whenGarbageIsCollected_thenTheyAreStillCached() {
        LabCache labs = new LabCache(10, null);
        Cache weak = new WeakReferenceCache();
        // as Axon's repository does: a fresh wrapper per put, referenced by the cache alone
        labs.put("lab", new Object[] {"aggregate"});
        weak.put("lab", new Object[] {"aggregate"});

        for (int i = 0; i < 3; i++) System.gc();

        assertThat((Object) labs.get("lab")).isNotNull();
        assertThat((Object) weak.get("lab")).as("why LabCache exists").isNull();
    }

    @Test
    void givenMoreLabsThanCapacity_whenAdded_thenTheLeastRecentlyUsedGoesAndListenersHear() {
        LabCache labs = new LabCache(2, null);
        List<String> heard = new ArrayList<>();
        labs.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }

            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }
        });
        labs.put("a", 1);
        labs.put("b", 2);
        labs.get("a"); // a is now more recent than b
        labs.put("c", 3);

        assertThat(labs.containsKey("a")).isTrue();
        assertThat(labs.containsKey("b")).isFalse();
        assertThat(labs.containsKey("c")).isTrue();
        assertThat(labs.size()).isEqualTo(2);
        assertThat(heard).containsExactly("created a", "created b", "created c", "expired b");
        assertThat(labs.putIfAbsent("c", 4)).isFalse();
        assertThat((Object) labs.get("c")).isEqualTo(3);
        labs.<Integer>computeIfPresent("c", v -> v + 10);
        assertThat((Object) labs.get("c")).isEqualTo(13);
        assertThat(labs.remove("c")).isTrue();
        labs.removeAll();
        assertThat(labs.size()).isZero();
    }
}

#pragma once

#include <QRandomGenerator>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

// Values by string key, looked up with a string_view, so that finding a key that is
// already there copies and allocates nothing: a summary looks up five groups and a day for
// every record, keyed by bytes that lie in the parser's buffer. Open addressing over a table
// kept at most half full; the hash takes words, not bytes, and is seeded per process, so
// that a file cannot be crafted for all its ids to land in one place.
template<class Value> class StringIndex
{
public:
    struct Entry
    {
        std::string key;
        std::uint64_t hash;
        Value value;
    };

    Value &operator[](std::string_view key)
    {
        const std::uint64_t hash = hashOf(key);
        for (std::size_t at = hash & m_mask;; at = (at + 1) & m_mask) {
            if (m_slots.empty() || m_slots[at] == 0)
                break;
            Entry &entry = m_entries[m_slots[at] - 1];
            if (entry.hash == hash && entry.key == key)
                return entry.value;
        }
        if (2 * (m_entries.size() + 1) > m_slots.size())
            grow();
        m_entries.push_back({std::string(key), hash, Value {}});
        place(hash, std::uint32_t(m_entries.size()));
        return m_entries.back().value;
    }

    // In the order the keys were added.
    const std::vector<Entry> &entries() const { return m_entries; }
    std::size_t size() const { return m_entries.size(); }

private:
    static std::uint64_t mix(std::uint64_t x)
    {
        x *= 0xbf58476d1ce4e5b9ULL;
        return x ^ (x >> 31);
    }

    static std::uint64_t hashOf(std::string_view key)
    {
        static const std::uint64_t seed = QRandomGenerator::system()->generate64();
        std::uint64_t hash = mix(seed ^ key.size());
        const char *bytes = key.data();
        std::size_t left = key.size();
        std::uint64_t word = 0;
        for (; left >= 8; left -= 8, bytes += 8) {
            std::memcpy(&word, bytes, 8);
            hash = mix(hash ^ word);
        }
        if (left > 0) {
            word = 0;
            std::memcpy(&word, bytes, left);
            hash = mix(hash ^ word);
        }
        return mix(hash);
    }

    void place(std::uint64_t hash, std::uint32_t entry)
    {
        std::size_t at = hash & m_mask;
        while (m_slots[at] != 0)
            at = (at + 1) & m_mask;
        m_slots[at] = entry;
    }

    void grow()
    {
        m_slots.assign(m_slots.empty() ? 16 : 2 * m_slots.size(), 0);
        m_mask = m_slots.size() - 1;
        for (std::size_t i = 0; i < m_entries.size(); ++i)
            place(m_entries[i].hash, std::uint32_t(i + 1));
    }

    std::vector<Entry> m_entries;
    std::vector<std::uint32_t> m_slots; // an entry's index + 1; 0 is free
    std::size_t m_mask = 0;
};

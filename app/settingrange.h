#pragma once

// A setting the analyst can change: its default and the range the app accepts for it.
struct SettingRange
{
    int minimum;
    int defaultValue;
    int maximum;

    constexpr int clamp(int value) const
    {
        return value < minimum ? minimum : (value > maximum ? maximum : value);
    }
};

#pragma once

#include "app/downloads/downloadjob.h"

#include <QString>

// The one table from a download job's state to what the analyst sees: its words, its hue,
// its icon shape and its terminal colour, as models/statusstyle.h is for operations. The
// manifest panel's file list and the CLI's download command both read it, so a corrupt
// file reads and looks the same in the window and in a terminal.
struct DownloadJobStyle
{
    DownloadJob::State state;
    const char *text; // untranslated; use downloadStateText()
    const char *key; // the CLI's word and JSON value, never translated: "verified"
    unsigned int rgb; // the hue, 0xRRGGBB, blended with the palette by the widgets
    const char *iconName; // a shape ui/statusicons draws, as for operation statuses
    const char *ansiColour; // SGR code for terminals
    bool isEnded; // the job will not move again without a retry
};

const DownloadJobStyle &downloadJobStyle(DownloadJob::State state);
QString downloadStateText(DownloadJob::State state);

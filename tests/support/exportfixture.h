#pragma once

#include "app/simulator/blobgenerator.h"

#include <QMap>
#include <QString>
#include <QStringList>

// A folder of simulator export files, and what they add up to, computed independently of
// the data engine: inflated with zlib, parsed with QJsonDocument, summed in whole cents.
struct ExportFixture
{
    struct Expected
    {
        qint64 rows = 0;
        QString from, to;
        QMap<QString, qint64> centsByCurrency; // the main total
        QMap<QString, qint64> rowsByCustomer; // by CustomerId
        QMap<QString, QMap<QString, qint64>> centsByCustomer; // id -> currency -> cents
    };

    // Writes `files` blobs of `lines` lines each as part-N.json.gz into `folder`.
    static QStringList write(const QString &folder, int files, int lines,
                             BlobGenerator::Shape shape = {});
    static Expected expected(const QStringList &paths, BlobGenerator::Shape shape = {});
    static QString centsText(qint64 cents); // "-12.05"
    // Debian's python3, which has python3-openpyxl, ahead of any other on the PATH.
    static QString python();
};

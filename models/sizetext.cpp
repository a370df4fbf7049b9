#include "sizetext.h"

QString sizeText(qint64 bytes, const QLocale &locale)
{
    // One decimal, powers of 1024 with the short KB/MB/GB names most file managers show.
    return locale.formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

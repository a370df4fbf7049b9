#include "sizetext.h"

QString sizeText(qint64 bytes, const QLocale &locale)
{
    // One decimal and powers of 1000 are what file managers and Azure's portal show.
    return locale.formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

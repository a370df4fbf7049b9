#include "dialogfit.h"

#include <QLayout>
#include <QWidget>

void growToFit(QWidget *dialog)
{
    QLayout *layout = dialog->layout();
    if (!layout)
        return;
    layout->activate();
    const int needed = layout->hasHeightForWidth() ? layout->totalHeightForWidth(dialog->width())
                                                   : layout->totalSizeHint().height();
    if (needed > dialog->height())
        dialog->resize(dialog->width(), needed);
}

#pragma once

#include "models/operationstatus.h"

#include <QIdentityProxyModel>
#include <QPalette>
#include <QPointer>

#include <array>

// Dresses the operation table in its status colours: a tinted background for the whole
// row, the status hue for the Status column's text, and the status icon (with a problem
// marker when the last request failed) beside it. Every colour comes from the one status
// table (models/statusstyle.h) blended with the palette given here, so the table reads in
// light and dark themes; setPalette() repaints on a theme change.
class OperationStyleProxy final : public QIdentityProxyModel
{
    Q_OBJECT
public:
    explicit OperationStyleProxy(QObject *parent = nullptr);

    void setPalette(const QPalette &palette);
    const QPalette &palette() const { return m_palette; }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    void setSourceModel(QAbstractItemModel *source) override;

private:
    void rebuildColours();
    OperationStatus displayedStatus(const QModelIndex &sourceIndex, bool *checked) const;

    // The source when it is a flat table (its indexes carry no pointer): index() then makes
    // an index here without asking the source and mapping back.
    QPointer<const QAbstractItemModel> m_flatSource;
    QPalette m_palette;
    std::array<QColor, StatusCount> m_backgrounds;
    std::array<QColor, StatusCount> m_foregrounds;
};

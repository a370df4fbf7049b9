#pragma once

#include <QAbstractTableModel>
#include <QStringList>

// The first rows of an export, as text, columns in documented order.
class PreviewTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit PreviewTableModel(QObject *parent = nullptr);

    void setRows(const QStringList &columns, const QList<QStringList> &rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QStringList m_columns;
    QList<QStringList> m_rows;
};

"""The Cases view: every case in the officer's case folders, overdue first, with search and status.

Rows come from app.core.casefile.cases, read on a worker thread in batches so the first rows
paint at once even over thousands of files; a folder watcher rereads (cheaply: unchanged files
come from the cache) when files are added, removed or saved.

Signals (CasesWindow):
    open_requested(object): the officer asked to open a case file (its Path).
    folders_changed(list): the officer added or removed a case folder (list of str).
    loaded(int): every row has been read (the number of rows).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QFileSystemWatcher,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.casefile.cases import COLUMNS, CaseRow, RowCache, case_files, set_status, sort_rows
from app.core.problems import InputError

FIRST_BATCH, BATCH = 150, 1000
FILTERS = {
    "open": "Open (not sent)",
    "all": "All cases",
    "overdue": "Overdue",
    "draft": "Draft",
    "exported": "Exported",
    "sent": "Sent",
}
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()


class CasesModel(QAbstractTableModel):
    """The rows, in display order (overdue first); the proxy only filters."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[CaseRow] = []
        self._cells: list[tuple[str, ...]] = []

    def set_rows(self, rows: list[CaseRow]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self.rows = rows
        self._cells = [row.cells() for row in rows]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and (row.overdue or row.problem):
            return QBrush(QColor("#c62828"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.path}\n{row.problem}" if row.problem else str(row.path)
        if role == ROW_ROLE:
            return row
        return None


class CasesFilter(QSortFilterProxyModel):
    """Keeps the rows that match the search words and the status filter."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.words = ""
        self.status = "open"

    def set_filter(self, words: str, status: str) -> None:
        """Filter by search words and one of FILTERS."""
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self.words, self.status = words, status
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.words, self.status = words, status
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        row: CaseRow = self.sourceModel().rows[source_row]
        if self.status == "open" and row.status == "sent":
            return False
        if self.status == "overdue" and not row.overdue:
            return False
        if self.status in ("draft", "exported", "sent") and row.status != self.status:
            return False
        return row.matches(self.words) if self.words else True


class RowLoader(QObject):
    """Reads rows on a worker thread and hands them to the GUI thread in batches."""

    batch = Signal(int, object, bool)  # generation, rows so far (sorted), finished

    def __init__(self, cache: RowCache, parent: QObject | None = None):
        super().__init__(parent)
        self.cache = cache
        self.generation = 0
        self._executor: ThreadPoolExecutor | None = ThreadPoolExecutor(1, thread_name_prefix="cases")

    def load(self, folders: list[Path]) -> None:
        """Start reading every case under the folders (a newer load makes older batches stale)."""
        self.generation += 1
        if self._executor is not None:
            self._executor.submit(self._read, self.generation, list(folders))

    def _read(self, generation: int, folders: list[Path]) -> None:
        rows: list[CaseRow] = []
        size = FIRST_BATCH
        for path in case_files(folders):
            if generation != self.generation or self._executor is None:
                return
            rows.append(self.cache.row(path))
            if len(rows) >= size:
                self.batch.emit(generation, sort_rows(rows), False)
                size += BATCH
        self.batch.emit(generation, sort_rows(rows), True)

    def shutdown(self) -> None:
        """Stop reading; no batch arrives afterwards."""
        executor, self._executor = self._executor, None
        self.generation += 1
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


class CasesWindow(QWidget):
    """A window listing the cases in the officer's folders; double-click or Enter opens one."""

    open_requested = Signal(object)
    folders_changed = Signal(list)
    loaded = Signal(int)

    def __init__(self, folders: list[Path], today: Callable[[], dt.date], parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("My cases — FOI Response Drafter")
        self.setObjectName("cases-window")
        self.folders = [Path(f) for f in folders]
        self.model = CasesModel(self)
        self.proxy = CasesFilter(self)
        self.proxy.setSourceModel(self.model)
        self.loader = RowLoader(RowCache(today), self)
        self.loader.batch.connect(self._on_loader_batch, Qt.ConnectionType.QueuedConnection)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(lambda _path: self._reload_timer.start())
        self._reload_timer = QTimer(self, singleShot=True, interval=400)
        self._reload_timer.timeout.connect(self.reload)
        self._build()
        self.resize(1100, 640)
        self.reload()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search reference, requester, regime, status…")
        self.search.setAccessibleName("Search cases")
        self.search.setClearButtonEnabled(True)
        self.show_filter = QComboBox(self)
        self.show_filter.setAccessibleName("Which cases to show")
        for key, label in FILTERS.items():
            self.show_filter.addItem(label, key)
        self.add_folder = QPushButton("Add case folder…", self)
        self.open_button = QPushButton("Open", self)
        self.sent_button = QPushButton("Mark as sent", self)
        for widget in (self.search, self.show_filter, self.add_folder, self.sent_button, self.open_button):
            bar.addWidget(widget, 1 if widget is self.search else 0)
        layout.addLayout(bar)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Cases")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((150, 160, 60, 120, 95, 95, 95, 75)):
            self.table.setColumnWidth(column, width)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        layout.addWidget(self.table, 1)
        self.status = QLabel("Reading case files…", self)
        self.status.setAccessibleName("Cases status")
        layout.addWidget(self.status)
        self.search.textChanged.connect(self._on_filter_changed)
        self.show_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.add_folder.clicked.connect(self._on_add_folder_clicked)
        self.open_button.clicked.connect(self._open_current)
        self.sent_button.clicked.connect(lambda: self.set_current_status("sent"))
        self.table.doubleClicked.connect(lambda _index: self._open_current())
        self.table.customContextMenuRequested.connect(self._on_table_menu)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self._open_current)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)

    # ------------------------------------------------------------ loading

    def set_folders(self, folders: list[Path]) -> None:
        """Show the cases of other folders."""
        self.folders = [Path(f) for f in folders]
        self.reload()

    def reload(self) -> None:
        """Reread the folders (unchanged files come from the cache) and watch them for changes."""
        watched = self.watcher.directories()
        if watched:
            self.watcher.removePaths(watched)
        existing = [str(f) for f in self.folders if f.is_dir()]
        if existing:
            self.watcher.addPaths(existing)
        if not self.folders:
            self.status.setText("No case folder yet: choose “Add case folder…” to list your cases.")
        self.loader.load(self.folders)

    def _on_loader_batch(self, generation: int, rows: list[CaseRow], finished: bool) -> None:
        if generation != self.loader.generation:
            return
        current = self.current_row()
        self.model.set_rows(rows)
        if current is not None:
            self.select_path(current.path)
        overdue = sum(r.overdue for r in rows)
        counted = f"{len(rows):,} case{'s' if len(rows) != 1 else ''}, {overdue:,} overdue"
        self.status.setText(counted if finished else f"{counted} so far — still reading…")
        if finished:
            self.loaded.emit(len(rows))

    # ------------------------------------------------------------ selection and actions

    def current_row(self) -> CaseRow | None:
        """Return the selected row, if any."""
        index = self.table.currentIndex()
        return self.proxy.data(index, ROW_ROLE) if index.isValid() else None

    def select_path(self, path: Path) -> bool:
        """Select the row of a file; return whether it is shown."""
        for number in range(self.proxy.rowCount()):
            index = self.proxy.index(number, 0)
            if self.proxy.data(index, ROW_ROLE).path == path:
                self.table.setCurrentIndex(index)
                return True
        return False

    def set_current_status(self, status: str) -> None:
        """Set the selected case's status in its file (the list rereads it)."""
        row = self.current_row()
        if row is None:
            return
        try:
            set_status(row.path, status)
        except (InputError, OSError) as exc:
            self.status.setText(f"{row.path.name}: cannot set the status: {exc}")
            return
        self.reload()

    def _open_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_requested.emit(row.path)

    def _on_filter_changed(self, *_args: object) -> None:
        self.proxy.set_filter(self.search.text(), self.show_filter.currentData())

    def _on_add_folder_clicked(self) -> None:
        start = str(self.folders[0]) if self.folders else str(Path.home())
        name = QFileDialog.getExistingDirectory(self, "Choose a case folder", start)
        if name and Path(name) not in self.folders:
            self.folders.append(Path(name))
            self.folders_changed.emit([str(f) for f in self.folders])
            self.reload()

    def _on_table_menu(self, point: Any) -> None:
        if self.current_row() is None:
            return
        menu = QMenu(self)
        menu.addAction("Open", self._open_current)
        menu.addSeparator()
        for status in ("draft", "exported", "sent"):
            menu.addAction(f"Mark as {status}", lambda s=status: self.set_current_status(s))
        menu.exec(self.table.viewport().mapToGlobal(point))

    def closeEvent(self, event: Any) -> None:
        self.loader.shutdown()
        super().closeEvent(event)

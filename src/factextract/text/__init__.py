"""What several stages do to text, knowing no stage: list and footnote markers
(``markers``), and clean text made from a block's lines (``repair``)."""

"""SIA DC-09 receiver: frame codec and asyncio servers; produces domain signals, nothing else."""

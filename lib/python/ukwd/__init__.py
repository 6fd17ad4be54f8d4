"""UK working days: libukwd's bank-holiday calendars, working-day
arithmetic (scalar and over numpy arrays), notice checks and working-day
plans.

The names here come from the C extension module ukwd._ukwd. Submodules:
ukwd.notice (notice periods), ukwd.uep (the SEC User Entry Process),
ukwd.pandas (Series and DataFrames; import it to add the `.ukwd` accessor)
and ukwd.dask (Dask arrays and DataFrames, partition by partition).
"""
from ukwd._ukwd import *  # noqa: F401,F403
from ukwd._ukwd import (  # noqa: F401
    __version__,
    _calendar_from_state,
    notice,
    uep,
)

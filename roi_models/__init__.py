"""roi-models: keep the contact center in-house, outsource it, or split it — and what is it worth?

The engine modules (``staffing``, ``finance``, ``scenario``, ``demand``, ``costs``, ``revenue``,
``business_case``, ``risk``) are pure and vectorised; the faces (``excel``, ``widgets``, ``report``,
``cli``) are thin layers over them.
"""

from roi_models._version import __version__
from roi_models.errors import InputError

__all__ = ["InputError", "__version__"]

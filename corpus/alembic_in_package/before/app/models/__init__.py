from .user import *
from .note import *

# Importing the package registers every table on SQLModel.metadata, so the string
# names used by relationships ("Team", "Hero", "Mission") can always be resolved.
from app.models.hero import Hero, HeroMissionLink
from app.models.mission import Mission, MissionStatus
from app.models.team import Team

__all__ = ["Hero", "HeroMissionLink", "Mission", "MissionStatus", "Team"]

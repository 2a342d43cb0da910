"""Build hook: the wheel carries the bundled model (competencies.yml at the repository root) as
package data, so `accountpath scorecard --role … --level …` works in an empty folder after
`pip install`. The repository keeps one copy of the model; the build copies it in."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithModel(build_py):
    """build_py, plus competencies.yml into accountpath/data/ of the build."""

    def run(self) -> None:
        super().run()
        source = Path(__file__).resolve().parent / "competencies.yml"
        if source.is_file():
            target = Path(self.build_lib) / "accountpath" / "data" / "competencies.yml"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


setup(cmdclass={"build_py": BuildPyWithModel})
